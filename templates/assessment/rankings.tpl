{{%AUTOESCAPE context="HTML"}}<p><a class="back-link" href="/cases/{{CASE_ID}}">{{_ Back to the case}}</a></p>
<h1>{{_ Ranking lists}}</h1>
<p>{{CASE_TITLE}}</p>
{{>ERROR_SUMMARY}}
<p>{{_ The committee's internal lists of the applicants in order, one for each round. Every saved order is kept as a version.}}</p>
{{#NO_LISTS}}<p>{{_ The case has no ranking lists yet.}}</p>{{/NO_LISTS}}
{{#HAS_LISTS}}<table class="table table--zebra">
<caption class="sr-only">{{_ Ranking lists}}</caption>
<thead><tr><th scope="col">{{_ List}}</th><th scope="col">{{_ Round}}</th><th scope="col">{{_ Versions saved}}</th></tr></thead>
<tbody>
{{#LIST}}<tr><th scope="row"><a href="{{HREF}}">{{NAME}}</a></th><td>{{ROUND}}</td><td>{{VERSIONS}}</td></tr>
{{/LIST}}</tbody>
</table>{{/HAS_LISTS}}
<h2 id="new-list">{{_ New ranking list}}</h2>
<form method="post" action="/cases/{{CASE_ID}}/rankings" novalidate>
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
<div class="form-group{{#ERROR_NAME}} form-error{{/ERROR_NAME}}">
<label class="form-label" for="name">{{_ Name of the list}}</label>
{{#ERROR_NAME}}<span class="form-error-message"><span class="sr-only">{{_ Error:}}</span> {{MESSAGE}}</span>{{/ERROR_NAME}}
<input class="form-input input-width-xl" type="text" id="name" name="name" maxlength="200" value="{{VALUE_NAME}}">
</div>
<div class="form-group{{#ERROR_ROUND}} form-error{{/ERROR_ROUND}}">
<label class="form-label" for="round">{{_ Round}}</label>
{{#ERROR_ROUND}}<span class="form-error-message"><span class="sr-only">{{_ Error:}}</span> {{MESSAGE}}</span>{{/ERROR_ROUND}}
<select class="form-select" id="round" name="round">
{{#ROUND_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/ROUND_OPTION}}
</select>
</div>
<button type="submit" class="button button-primary">{{_ Make the list}}</button>
</form>
