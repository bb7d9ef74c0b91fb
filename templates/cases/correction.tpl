{{%AUTOESCAPE context="HTML"}}<p><a class="back-link" href="/cases/{{ID}}">{{_ Back to the case}}</a></p>
<h1>{{_ Correct the published case}}</h1>
{{>ERROR_SUMMARY}}
<p>{{_ The deadline can be moved later, never earlier, and the contact persons can be changed. The career site shows the correction at once and Jobnet receives it; applications already received are not affected. The ad text is corrected in the ad editor.}}</p>
<form method="post" action="/cases/{{ID}}/correction" novalidate>
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
<fieldset>
<legend class="h3">{{_ Application deadline}}</legend>
<div class="form-group{{#ERROR_DEADLINE_DATE}} form-error{{/ERROR_DEADLINE_DATE}}">
<label class="form-label" for="deadline_date">{{_ Application deadline (date)}}</label>
<span class="form-hint" id="deadline_date-hint">{{_ Now:}} {{CURRENT_DEADLINE}}</span>
{{#ERROR_DEADLINE_DATE}}<span class="form-error-message" id="deadline_date-error"><span class="sr-only">{{_ Error:}}</span> {{MESSAGE}}</span>{{/ERROR_DEADLINE_DATE}}
<input class="form-input input-width-s" type="date" id="deadline_date" name="deadline_date" value="{{VALUE_DEADLINE_DATE}}" aria-describedby="deadline_date-hint{{#ERROR_DEADLINE_DATE}} deadline_date-error{{/ERROR_DEADLINE_DATE}}">
</div>
<div class="form-group">
<label class="form-label" for="deadline_time">{{_ Application deadline (time, Danish time)}}</label>
<input class="form-input input-width-xs" type="time" id="deadline_time" name="deadline_time" value="{{VALUE_DEADLINE_TIME}}">
</div>
</fieldset>
<fieldset>
<legend class="h3">{{_ Contact persons}}</legend>
<p class="form-hint">{{_ At least one contact person with a phone number or an e-mail address is needed for publication.}}</p>
{{#CONTACT}}<div class="form-group">
<label class="form-label" for="contact_name_{{N}}">{{_ Name}} ({{N}})</label>
<input class="form-input input-width-xl" type="text" id="contact_name_{{N}}" name="contact_name_{{N}}" value="{{NAME}}">
</div>
<div class="form-group">
<label class="form-label" for="contact_title_{{N}}">{{_ Job title}} ({{N}})</label>
<input class="form-input input-width-xl" type="text" id="contact_title_{{N}}" name="contact_title_{{N}}" value="{{CONTACT_TITLE}}">
</div>
<div class="form-group">
<label class="form-label" for="contact_phone_{{N}}">{{_ Phone}} ({{N}})</label>
<input class="form-input input-width-m" type="tel" id="contact_phone_{{N}}" name="contact_phone_{{N}}" value="{{PHONE}}">
</div>
<div class="form-group">
<label class="form-label" for="contact_email_{{N}}">{{_ E-mail address}} ({{N}})</label>
<input class="form-input input-width-xl" type="email" id="contact_email_{{N}}" name="contact_email_{{N}}" value="{{EMAIL}}">
</div>
{{/CONTACT}}
</fieldset>
<div class="form-group{{#ERROR_REASON}} form-error{{/ERROR_REASON}}">
<label class="form-label" for="reason">{{_ Reason for the correction}}</label>
<span class="form-hint" id="reason-hint">{{_ Recorded in the case's history. At most 1,000 characters.}}</span>
{{#ERROR_REASON}}<span class="form-error-message" id="reason-error"><span class="sr-only">{{_ Error:}}</span> {{MESSAGE}}</span>{{/ERROR_REASON}}
<textarea class="form-input" id="reason" name="reason" rows="3" aria-describedby="reason-hint{{#ERROR_REASON}} reason-error{{/ERROR_REASON}}">{{VALUE_REASON:pre_escape}}</textarea>
</div>
<button class="button button-primary" type="submit">{{_ Save the correction}}</button>
</form>
