{{%AUTOESCAPE context="HTML"}}<a class="back-link" href="/operator/institutions">{{_ Back to the institutions}}</a>
<h1>{{_ Off-boarding of institutions}}</h1>
<p class="font-lead">{{_ When an institution stops using Rekrut, one operator asks for its off-boarding and a second operator approves it. The operator who approved downloads the export of all the institution's data for the institution, once, and then deletes the data. The deletion report is kept here.}}</p>
{{#NO_OFFBOARDINGS}}<p>{{_ No institution has been off-boarded.}}</p>{{/NO_OFFBOARDINGS}}
{{#HAS_OFFBOARDINGS}}<div class="table--responsive-scroll">
<table class="table table--zebra" id="offboardings">
<thead><tr><th scope="col">{{_ Institution}}</th><th scope="col">{{_ State}}</th><th scope="col">{{_ Requested by}}</th><th scope="col">{{_ Requested}}</th></tr></thead>
<tbody>
{{/HAS_OFFBOARDINGS}}{{#OFFBOARDING}}<tr data-offboarding-id="{{OFFBOARDING_ID}}"><th scope="row"><a href="/operator/offboarding/{{OFFBOARDING_ID}}">{{INSTITUTION_NAME}}</a></th><td>{{STATE}}</td><td>{{REQUESTED_BY}}</td><td>{{REQUESTED_AT}}</td></tr>
{{/OFFBOARDING}}{{#HAS_OFFBOARDINGS}}</tbody>
</table>
</div>
{{/HAS_OFFBOARDINGS}}
<h2>{{_ Ask for an off-boarding}}</h2>
<p>{{_ A case on hold (a complaint or lawsuit) stops the off-boarding until the hold is lifted.}}</p>
{{>ERROR_SUMMARY}}
<form method="post" action="/operator/offboarding" novalidate>
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
<div class="form-group{{#ERROR_INSTITUTION_ID}} form-error{{/ERROR_INSTITUTION_ID}}">
<label class="form-label" for="institution_id">{{_ Institution}}</label>
{{#ERROR_INSTITUTION_ID}}<span class="form-error-message" id="institution_id-error"><span class="sr-only">{{_ Error:}}</span> {{MESSAGE}}</span>{{/ERROR_INSTITUTION_ID}}
<select class="form-select" id="institution_id" name="institution_id">
<option value="">{{_ Choose an institution}}</option>
{{#INSTITUTION_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/INSTITUTION_OPTION}}</select>
</div>
<div class="form-group{{#ERROR_REASON}} form-error{{/ERROR_REASON}}">
<label class="form-label" for="reason">{{_ Reason}}</label>
<span class="form-hint" id="reason-hint">{{_ For example the end of the contract. Write no personal data.}}</span>
{{#ERROR_REASON}}<span class="form-error-message" id="reason-error"><span class="sr-only">{{_ Error:}}</span> {{MESSAGE}}</span>{{/ERROR_REASON}}
<textarea class="form-input input-width-xl" id="reason" name="reason" rows="3" aria-describedby="reason-hint">{{VALUE_REASON:pre_escape}}</textarea>
</div>
<button type="submit" class="button button-primary">{{_ Ask for the off-boarding}}</button>
</form>
