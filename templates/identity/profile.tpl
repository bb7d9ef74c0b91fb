{{%AUTOESCAPE context="HTML"}}<h1>{{_ My profile}}</h1>
{{#HAS_NOTICE}}<div class="alert alert-success" role="status"><div class="alert-body"><p class="alert-text">{{NOTICE}}</p></div></div>{{/HAS_NOTICE}}
{{>ERROR_SUMMARY}}
<p>{{_ E-mail address}}: {{EMAIL}} <a href="/profile/email">{{_ Change e-mail address}}</a></p>
<h2>{{_ Name}}</h2>
<form method="post" action="/profile/name" novalidate>
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
<div class="form-group{{#ERROR_NAME}} form-error{{/ERROR_NAME}}">
<label class="form-label" for="name">{{_ Name}}</label>
{{#ERROR_NAME}}<span class="form-error-message" id="name-error"><span class="sr-only">{{_ Error:}}</span> {{MESSAGE}}</span>{{/ERROR_NAME}}
<input class="form-input input-width-xl" type="text" id="name" name="name" value="{{VALUE_NAME}}" autocomplete="name"{{#ERROR_NAME}} aria-describedby="name-error"{{/ERROR_NAME}}>
</div>
<button type="submit" class="button button-secondary">{{_ Save name}}</button>
</form>
<h2>{{_ Password}}</h2>
<form method="post" action="/profile/password" novalidate>
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
<div class="form-group{{#ERROR_CURRENT_PASSWORD}} form-error{{/ERROR_CURRENT_PASSWORD}}">
<label class="form-label" for="current_password">{{_ Current password}}</label>
{{#ERROR_CURRENT_PASSWORD}}<span class="form-error-message" id="current_password-error"><span class="sr-only">{{_ Error:}}</span> {{MESSAGE}}</span>{{/ERROR_CURRENT_PASSWORD}}
<input class="form-input input-width-xl" type="password" id="current_password" name="current_password" autocomplete="current-password">
</div>
{{#NEEDS_CODE}}<div class="form-group{{#ERROR_CURRENT_CODE}} form-error{{/ERROR_CURRENT_CODE}}">
<label class="form-label" for="current_code">{{_ Code from your authenticator app}}</label>
<span class="form-hint" id="current_code-hint">{{_ Or one of your recovery codes.}}</span>
{{#ERROR_CURRENT_CODE}}<span class="form-error-message" id="current_code-error"><span class="sr-only">{{_ Error:}}</span> {{MESSAGE}}</span>{{/ERROR_CURRENT_CODE}}
<input class="form-input input-width-s" type="text" id="current_code" name="current_code" autocomplete="one-time-code" aria-describedby="current_code-hint{{#ERROR_CURRENT_CODE}} current_code-error{{/ERROR_CURRENT_CODE}}">
</div>{{/NEEDS_CODE}}
<div class="form-group{{#ERROR_NEW_PASSWORD}} form-error{{/ERROR_NEW_PASSWORD}}">
<label class="form-label" for="new_password">{{_ New password}}</label>
<span class="form-hint" id="new_password-hint">{{_ At least 12 characters.}}</span>
{{#ERROR_NEW_PASSWORD}}<span class="form-error-message" id="new_password-error"><span class="sr-only">{{_ Error:}}</span> {{MESSAGE}}</span>{{/ERROR_NEW_PASSWORD}}
<input class="form-input input-width-xl" type="password" id="new_password" name="new_password" autocomplete="new-password" aria-describedby="new_password-hint">
</div>
<div class="form-group{{#ERROR_REPEAT_PASSWORD}} form-error{{/ERROR_REPEAT_PASSWORD}}">
<label class="form-label" for="repeat_password">{{_ Repeat the new password}}</label>
{{#ERROR_REPEAT_PASSWORD}}<span class="form-error-message" id="repeat_password-error"><span class="sr-only">{{_ Error:}}</span> {{MESSAGE}}</span>{{/ERROR_REPEAT_PASSWORD}}
<input class="form-input input-width-xl" type="password" id="repeat_password" name="repeat_password" autocomplete="new-password">
</div>
<button type="submit" class="button button-secondary">{{_ Change password}}</button>
</form>
<h2>{{_ Two-step login}}</h2>
{{#MFA_ON}}<p>{{_ Two-step login is on.}} {{_ Unused recovery codes:}} {{RECOVERY_LEFT}}</p>
<p><a href="/profile/second-factor">{{_ Set up a new device (new recovery codes)}}</a></p>{{/MFA_ON}}
{{#MFA_OFF}}<p>{{_ Two-step login is off.}}</p>
<p><a class="button button-secondary" href="/profile/second-factor">{{_ Set up two-step login}}</a></p>{{/MFA_OFF}}
