{{%AUTOESCAPE context="HTML"}}<p><a class="back-link" href="/cases/{{CASE_ID}}/applications">{{_ All applications for}} {{CASE_TITLE}}</a></p>
<h1>{{_ Send mail}}: {{KIND_NAME}}</h1>
{{>ERROR_SUMMARY}}
<p>{{ORIGIN_TEXT}}{{#CAN_EDIT_TEMPLATES}} <a href="/cases/{{CASE_ID}}/email-templates/{{KIND}}">{{_ Change the case's template}}</a>{{/CAN_EDIT_TEMPLATES}}</p>
{{#SETS_STATUS}}<div class="alert alert-info"><div class="alert-body"><p class="alert-text">{{_ When a mail has been sent, the application's status becomes:}} <strong>{{STATUS_LABEL}}</strong>.</p></div></div>{{/SETS_STATUS}}
<form method="post" action="/cases/{{CASE_ID}}/mail" novalidate>
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
<input type="hidden" name="kind" value="{{KIND}}">
{{#SELECTED}}<input type="hidden" name="application_id" value="{{APPLICATION_ID}}">
{{/SELECTED}}
{{#INTERVIEW}}<fieldset>
<legend class="h3">{{_ The interview}}</legend>
<div class="form-group{{#ERROR_INTERVIEW_DATE}} form-error{{/ERROR_INTERVIEW_DATE}}">
<label class="form-label" for="interview_date">{{_ Date}}</label>
{{#ERROR_INTERVIEW_DATE}}<span class="form-error-message"><span class="sr-only">{{_ Error:}}</span> {{MESSAGE}}</span>{{/ERROR_INTERVIEW_DATE}}
<input class="form-input input-width-s" type="date" id="interview_date" name="interview_date" value="{{VALUE_INTERVIEW_DATE}}">
</div>
<div class="form-group">
<label class="form-label" for="interview_time">{{_ Time (Danish time)}}</label>
<input class="form-input input-width-xs" type="time" id="interview_time" name="interview_time" value="{{VALUE_INTERVIEW_TIME}}">
</div>
<div class="form-group">
<label class="form-label" for="interview_minutes">{{_ Length in minutes}}</label>
<input class="form-input input-width-xs" type="text" inputmode="numeric" id="interview_minutes" name="interview_minutes" value="{{VALUE_INTERVIEW_MINUTES}}">
</div>
<div class="form-group{{#ERROR_INTERVIEW_PLACE}} form-error{{/ERROR_INTERVIEW_PLACE}}">
<label class="form-label" for="interview_place">{{_ Place or online link}}</label>
{{#ERROR_INTERVIEW_PLACE}}<span class="form-error-message"><span class="sr-only">{{_ Error:}}</span> {{MESSAGE}}</span>{{/ERROR_INTERVIEW_PLACE}}
<input class="form-input input-width-xxl" type="text" id="interview_place" name="interview_place" value="{{VALUE_INTERVIEW_PLACE}}">
</div>
</fieldset>{{/INTERVIEW}}
{{>WORDING}}
<h2>{{_ Recipients}}</h2>
<p>{{SUMMARY}}</p>
<div class="table--responsive-scroll" data-scroll-region tabindex="0" aria-label="{{_ Recipients}}">
<table class="table table--zebra table--responsive-headers">
<caption class="sr-only">{{_ Recipients}}</caption>
<thead><tr><th scope="col">{{_ Reference number}}</th><th scope="col">{{_ Name}}</th><th scope="col">{{_ Language}}</th><th scope="col">{{_ The mail}}</th></tr></thead>
<tbody>
{{#RECIPIENT}}<tr><td data-title="{{_ Reference number}}">{{REFERENCE}}</td><td data-title="{{_ Name}}">{{NAME}}</td><td data-title="{{_ Language}}">{{LANGUAGE}}</td><td data-title="{{_ The mail}}">{{#SENDABLE}}{{_ Will be sent}} <button type="submit" name="preview" value="{{APPLICATION_ID}}" class="button button-unstyled">{{_ Preview}}<span class="sr-only"> {{NAME}}</span></button>{{/SENDABLE}}{{#BLOCKED}}<strong>{{_ Not sent:}}</strong> {{REASON}}{{/BLOCKED}}</td></tr>
{{/RECIPIENT}}</tbody>
</table>
</div>
{{#PREVIEW}}<h2 id="preview">{{_ Preview for}} {{PREVIEW_NAME}}</h2>
<div class="mail-preview">
<p><strong>{{_ To}}:</strong> {{PREVIEW_TO}}<br><strong>{{_ Subject}}:</strong> {{PREVIEW_SUBJECT}}</p>
<div class="application-text">{{PREVIEW_TEXT}}</div>
</div>{{/PREVIEW}}
<div class="button-group">
<button type="submit" name="action" value="preview" class="button button-secondary">{{_ Update the preview}}</button>
{{#CAN_SEND}}<button type="submit" name="action" value="send" class="button button-primary">{{SEND_TEXT}}</button>{{/CAN_SEND}}
</div>
</form>
