{{%AUTOESCAPE context="HTML"}}{{>HEADING}}
{{#HAS_NOTICE}}<div class="alert alert-success" role="status"><div class="alert-body"><p class="alert-text">{{NOTICE}}</p></div></div>{{/HAS_NOTICE}}
{{>ERROR_SUMMARY}}
{{#HAS_VERSIONS}}<p><a href="/cases/{{CASE_ID}}/rankings/{{RANKING_ID}}/versions">{{_ Versions of the list}}</a> ({{_ the order shown is version}} {{VERSION}})</p>{{/HAS_VERSIONS}}
{{#EMPTY}}<p>{{_ No applicants are on the list yet. Add them below.}}</p>{{/EMPTY}}
{{#HAS_ENTRIES}}<form method="post" action="{{ACTION}}" id="order" data-ranking novalidate>
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
<input type="hidden" name="version" value="{{VERSION}}">
<input type="hidden" name="order" value="" data-ranking-order>
<button type="submit" name="save" value="1" class="sr-only" tabindex="-1" aria-hidden="true">{{_ Save order}}</button>
<p id="ranking-help">{{_ Change the position numbers and save, or move an applicant one place with the buttons. Each saved order becomes a new version.}}<span class="ranking-drag-help" hidden> {{_ You can also drag the rows.}}</span></p>
<div class="form-group{{#ERROR_ORDER}} form-error{{/ERROR_ORDER}}">
{{#ERROR_ORDER}}<span class="form-error-message"><span class="sr-only">{{_ Error:}}</span> {{MESSAGE}}</span>{{/ERROR_ORDER}}
<table class="table table--compact ranking-table">
<caption class="sr-only">{{NAME}}</caption>
<thead><tr><th scope="col">{{_ Place on the list}}</th><th scope="col">{{_ Applicant}}</th><th scope="col">{{_ Move}}</th></tr></thead>
<tbody data-ranking-rows>
{{#ENTRY}}<tr data-application-id="{{APPLICATION_ID}}">
<td><label class="sr-only" for="position_{{APPLICATION_ID}}">{{_ Position of}} {{LABEL}}</label><input class="form-input input-width-xs" type="text" inputmode="numeric" id="position_{{APPLICATION_ID}}" name="position_{{APPLICATION_ID}}" value="{{POSITION}}" aria-describedby="ranking-help"></td>
<th scope="row">{{LABEL}}{{#WITHDRAWN}} <span class="badge">{{_ Withdrawn}}</span>{{/WITHDRAWN}}</th>
<td>{{#CAN_MOVE_UP}}<button type="submit" name="move_up" value="{{APPLICATION_ID}}" class="button button-secondary button-small">{{_ Up}}<span class="sr-only">: {{LABEL}}</span></button> {{/CAN_MOVE_UP}}{{#CAN_MOVE_DOWN}}<button type="submit" name="move_down" value="{{APPLICATION_ID}}" class="button button-secondary button-small">{{_ Down}}<span class="sr-only">: {{LABEL}}</span></button>{{/CAN_MOVE_DOWN}}</td>
</tr>
{{/ENTRY}}</tbody>
</table>
</div>
<button type="submit" name="save" value="1" class="button button-primary">{{_ Save order}}</button>
</form>{{/HAS_ENTRIES}}
{{#HAS_CANDIDATES}}<h2 id="add-applicants">{{_ Add applicants to the list}}</h2>
<form method="post" action="{{ACTION}}" novalidate>
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
<input type="hidden" name="version" value="{{VERSION}}">
<input type="hidden" name="add" value="1">
<fieldset>
<legend class="sr-only">{{_ Add applicants to the list}}</legend>
{{#CANDIDATE}}<div class="form-group-checkbox"><input class="form-checkbox" type="checkbox" id="add-{{APPLICATION_ID}}" name="application_id" value="{{APPLICATION_ID}}"><label class="form-label" for="add-{{APPLICATION_ID}}">{{LABEL}}</label></div>
{{/CANDIDATE}}</fieldset>
<button type="submit" class="button button-secondary">{{_ Add to list}}</button>
</form>{{/HAS_CANDIDATES}}
