{{%AUTOESCAPE context="HTML"}}<p><a class="back-link" href="/cases/{{CASE_ID}}">{{_ Back to the case}}</a></p>
<h1>{{_ Conflict of interest}}: {{CASE_TITLE}}</h1>
{{>ERROR_SUMMARY}}
<p>{{_ Before you see the applications, declare for each applicant whether you have a conflict of interest (inhabilitet, forvaltningsloven § 3): for instance a close family or personal relationship, a financial interest, or a recent working relationship that could make others doubt your impartiality.}}</p>
<p>{{_ An applicant you declare a conflict with is no longer shown to you, and you take no part in assessing them. The Projektleder sees the declarations. A declared conflict cannot be withdrawn.}}</p>
{{#NOTHING_PENDING}}<p>{{_ You have declared on every application.}} <a href="/cases/{{CASE_ID}}/applications">{{_ See the applications}}</a></p>{{/NOTHING_PENDING}}
{{#HAS_PENDING}}<form method="post" action="/cases/{{CASE_ID}}/declarations" novalidate>
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
<p>{{_ Applicants to declare on:}} {{PENDING_COUNT}}</p>
<div class="table--responsive-scroll" data-scroll-region tabindex="0" aria-label="{{_ Applicants}}">
<table class="table table--zebra table--responsive-headers" id="declarations">
<caption class="sr-only">{{_ Applicants}}</caption>
<thead><tr><th scope="col">{{_ Applicant}}</th><th scope="col">{{_ Received}}</th><th scope="col">{{_ Conflict of interest}}</th></tr></thead>
<tbody>
{{#PENDING}}<tr><td data-title="{{_ Applicant}}">{{NAME}}<input type="hidden" name="shown" value="{{APPLICATION_ID}}"></td><td data-title="{{_ Received}}">{{RECEIVED}}</td><td data-title="{{_ Conflict of interest}}"><fieldset><legend class="sr-only">{{_ Conflict of interest with}} {{NAME}}</legend>
<div class="form-group-radio"><input class="form-radio" type="radio" id="declaration-{{APPLICATION_ID}}-none" name="declaration_{{APPLICATION_ID}}" value="none"><label class="form-label" for="declaration-{{APPLICATION_ID}}-none">{{_ No conflict}}</label></div>
<div class="form-group-radio"><input class="form-radio" type="radio" id="declaration-{{APPLICATION_ID}}-conflict" name="declaration_{{APPLICATION_ID}}" value="conflict"><label class="form-label" for="declaration-{{APPLICATION_ID}}-conflict">{{_ Conflict of interest}}</label></div>
</fieldset></td></tr>
{{/PENDING}}</tbody>
</table>
</div>
<div class="button-row">
<button type="submit" class="button button-primary">{{_ Save my declarations}}</button>
<button type="submit" class="button button-secondary" name="all_none" value="1">{{_ No conflict with any applicant not marked}}</button>
</div>
</form>{{/HAS_PENDING}}
