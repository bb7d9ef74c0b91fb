{{%AUTOESCAPE context="HTML"}}<div class="row"><div class="col-12 col-md-8 col-lg-6">
<h1>{{_ Change e-mail address}}</h1>
{{>ERROR_SUMMARY}}
<p>{{_ Your e-mail address now:}} {{EMAIL}}</p>
<p>{{_ We send a link to the new address. Your address changes when you follow the link; until then you log in with the address you have now. We also tell the address you have now about the change.}}</p>
<form method="post" action="/profile/email" novalidate>
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
<div class="form-group{{#ERROR_EMAIL}} form-error{{/ERROR_EMAIL}}">
<label class="form-label" for="email">{{_ New e-mail address}}</label>
{{#ERROR_EMAIL}}<span class="form-error-message" id="email-error"><span class="sr-only">{{_ Error:}}</span> {{MESSAGE}}</span>{{/ERROR_EMAIL}}
<input class="form-input input-width-xl" type="email" id="email" name="email" value="{{VALUE_EMAIL}}" autocomplete="email"{{#ERROR_EMAIL}} aria-describedby="email-error"{{/ERROR_EMAIL}}>
</div>
<div class="form-group{{#ERROR_CURRENT_PASSWORD}} form-error{{/ERROR_CURRENT_PASSWORD}}">
<label class="form-label" for="current_password">{{_ Current password}}</label>
{{#ERROR_CURRENT_PASSWORD}}<span class="form-error-message" id="current_password-error"><span class="sr-only">{{_ Error:}}</span> {{MESSAGE}}</span>{{/ERROR_CURRENT_PASSWORD}}
<input class="form-input input-width-xl" type="password" id="current_password" name="current_password" autocomplete="current-password"{{#ERROR_CURRENT_PASSWORD}} aria-describedby="current_password-error"{{/ERROR_CURRENT_PASSWORD}}>
</div>
{{#NEEDS_CODE}}<div class="form-group{{#ERROR_CURRENT_CODE}} form-error{{/ERROR_CURRENT_CODE}}">
<label class="form-label" for="current_code">{{_ Code from your authenticator app}}</label>
<span class="form-hint" id="current_code-hint">{{_ Or one of your recovery codes.}}</span>
{{#ERROR_CURRENT_CODE}}<span class="form-error-message" id="current_code-error"><span class="sr-only">{{_ Error:}}</span> {{MESSAGE}}</span>{{/ERROR_CURRENT_CODE}}
<input class="form-input input-width-s" type="text" id="current_code" name="current_code" autocomplete="one-time-code" aria-describedby="current_code-hint{{#ERROR_CURRENT_CODE}} current_code-error{{/ERROR_CURRENT_CODE}}">
</div>{{/NEEDS_CODE}}
<button type="submit" class="button button-primary">{{_ Send link}}</button>
</form>
<p><a href="/profile">{{_ Back to my profile}}</a></p>
</div></div>
