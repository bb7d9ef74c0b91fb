{{%AUTOESCAPE context="HTML"}}<p><a class="back-link" href="/cases/{{CASE_ID}}/applications/{{APPLICATION_ID}}">{{_ Back to the application}} {{REFERENCE}}</a></p>
<h1>{{_ Correct personal data}}</h1>
{{>ERROR_SUMMARY}}
<p>{{_ When an applicant asks for their data to be corrected (GDPR article 16), correct it here. The correction is recorded in the register of requests from data subjects, and in the audit trail with the fields changed; the old and new values and the reason can be read there only as long as the application is kept.}}</p>
<dl class="case-facts">
<dt>{{_ Name}}</dt><dd>{{CURRENT_NAME}}</dd>
<dt>{{_ E-mail address}}</dt><dd>{{CURRENT_EMAIL}}</dd>
<dt>{{_ Telephone}}</dt><dd>{{CURRENT_PHONE}}</dd>
</dl>
<form method="post" action="/cases/{{CASE_ID}}/applications/{{APPLICATION_ID}}/rectify" novalidate>
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
<div class="form-group{{#ERROR_FULL_NAME}} form-error{{/ERROR_FULL_NAME}}">
<label class="form-label" for="full_name">{{_ Full name}}</label>
{{#ERROR_FULL_NAME}}<span class="form-error-message" id="full_name-error"><span class="sr-only">{{_ Error:}}</span> {{MESSAGE}}</span>{{/ERROR_FULL_NAME}}
<input class="form-input input-width-xl" type="text" id="full_name" name="full_name" value="{{VALUE_FULL_NAME}}" maxlength="200" autocomplete="off"{{#ERROR_FULL_NAME}} aria-describedby="full_name-error"{{/ERROR_FULL_NAME}}>
</div>
<div class="form-group{{#ERROR_EMAIL}} form-error{{/ERROR_EMAIL}}">
<label class="form-label" for="email">{{_ E-mail address}}</label>
{{#ERROR_EMAIL}}<span class="form-error-message" id="email-error"><span class="sr-only">{{_ Error:}}</span> {{MESSAGE}}</span>{{/ERROR_EMAIL}}
<input class="form-input input-width-xl" type="email" id="email" name="email" value="{{VALUE_EMAIL}}" maxlength="254" autocomplete="off" spellcheck="false"{{#ERROR_EMAIL}} aria-describedby="email-error"{{/ERROR_EMAIL}}>
</div>
<div class="form-group{{#ERROR_PHONE}} form-error{{/ERROR_PHONE}}">
<label class="form-label" for="phone">{{_ Telephone}}</label>
{{#ERROR_PHONE}}<span class="form-error-message" id="phone-error"><span class="sr-only">{{_ Error:}}</span> {{MESSAGE}}</span>{{/ERROR_PHONE}}
<input class="form-input input-width-m" type="tel" id="phone" name="phone" value="{{VALUE_PHONE}}" maxlength="40" autocomplete="off"{{#ERROR_PHONE}} aria-describedby="phone-error"{{/ERROR_PHONE}}>
</div>
<div class="form-group{{#ERROR_REASON}} form-error{{/ERROR_REASON}}">
<label class="form-label" for="reason">{{_ Reason for the correction}}</label>
<span class="form-hint" id="reason-hint">{{_ For example how the applicant asked. One line, at most 1,000 characters.}}</span>
{{#ERROR_REASON}}<span class="form-error-message" id="reason-error"><span class="sr-only">{{_ Error:}}</span> {{MESSAGE}}</span>{{/ERROR_REASON}}
<input class="form-input input-width-xl" type="text" id="reason" name="reason" value="{{VALUE_REASON}}" maxlength="1000" autocomplete="off" aria-describedby="reason-hint{{#ERROR_REASON}} reason-error{{/ERROR_REASON}}">
</div>
<button type="submit" class="button button-primary">{{_ Save the correction}}</button>
<a class="button button-secondary" href="/cases/{{CASE_ID}}/applications/{{APPLICATION_ID}}">{{_ Cancel}}</a>
</form>
