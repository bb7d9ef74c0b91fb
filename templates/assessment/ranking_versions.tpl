{{%AUTOESCAPE context="HTML"}}{{>HEADING}}
<h2>{{_ Versions of the list}}</h2>
<p><a href="/cases/{{CASE_ID}}/rankings/{{RANKING_ID}}">{{_ Back to the list}}</a></p>
{{#NO_VERSIONS}}<p>{{_ No order has been saved yet.}}</p>{{/NO_VERSIONS}}
{{#HAS_VERSIONS}}<table class="table table--zebra">
<caption class="sr-only">{{_ Versions of the list}}</caption>
<thead><tr><th scope="col">{{_ Version}}</th><th scope="col">{{_ Saved by}}</th><th scope="col">{{_ Saved}}</th><th scope="col">{{_ Changes}}</th></tr></thead>
<tbody>
{{#VERSION_ROW}}<tr><th scope="row">{{NUMBER}}</th><td>{{BY}}</td><td>{{AT}}</td><td>{{#HAS_PREVIOUS}}<a href="{{HREF}}">{{_ Compare with the version before}}</a>{{/HAS_PREVIOUS}}</td></tr>
{{/VERSION_ROW}}</tbody>
</table>{{/HAS_VERSIONS}}
{{#CAN_COMPARE}}<h2 id="compare">{{_ Compare two versions}}</h2>
<form method="get" action="/cases/{{CASE_ID}}/rankings/{{RANKING_ID}}/compare">
<div class="form-group">
<label class="form-label" for="from">{{_ From version}}</label>
<select class="form-select" id="from" name="from">{{#FROM_CHOICE}}<option value="{{NUMBER}}"{{#SELECTED}} selected{{/SELECTED}}>{{NUMBER}}</option>{{/FROM_CHOICE}}</select>
</div>
<div class="form-group">
<label class="form-label" for="to">{{_ To version}}</label>
<select class="form-select" id="to" name="to">{{#TO_CHOICE}}<option value="{{NUMBER}}"{{#SELECTED}} selected{{/SELECTED}}>{{NUMBER}}</option>{{/TO_CHOICE}}</select>
</div>
<button type="submit" class="button button-secondary">{{_ Compare}}</button>
</form>{{/CAN_COMPARE}}
