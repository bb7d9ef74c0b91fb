{{%AUTOESCAPE context="HTML"}}<div class="row"><div class="col-12 col-md-10 col-lg-8">
<h1>{{_ Set up two-step login}}</h1>
{{#REQUIRED}}<div class="alert alert-info" role="status"><div class="alert-body"><p class="alert-text">{{_ Your role requires two-step login. Set it up to continue.}}</p></div></div>{{/REQUIRED}}
{{>ERROR_SUMMARY}}
<ol>
<li>{{_ Open an authenticator app on your phone (for example Microsoft Authenticator or Google Authenticator).}}</li>
<li>{{_ Scan the QR code, or type the key below into the app.}}</li>
<li>{{_ Enter the six-digit code the app shows.}}</li>
</ol>
<figure class="qr-code" role="img" aria-label="{{_ QR code for your authenticator app}}"><div aria-hidden="true">{{QR_SVG:none}}</div></figure>
<p>{{_ Key:}} <code>{{SECRET_BASE32}}</code></p>
<form method="post" action="/profile/second-factor" novalidate>
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
<input type="hidden" name="secret" value="{{SECRET}}">
<div class="form-group{{#ERROR_CODE}} form-error{{/ERROR_CODE}}">
<label class="form-label" for="code">{{_ Code from the app}}</label>
{{#ERROR_CODE}}<span class="form-error-message" id="code-error"><span class="sr-only">{{_ Error:}}</span> {{MESSAGE}}</span>{{/ERROR_CODE}}
<input class="form-input input-width-s" type="text" id="code" name="code" inputmode="numeric" autocomplete="one-time-code" required{{#ERROR_CODE}} aria-describedby="code-error"{{/ERROR_CODE}}>
</div>
{{#NEEDS_PASSWORD}}<h2 class="h3">{{_ Confirm that it is you}}</h2>
<div class="form-group{{#ERROR_CURRENT_PASSWORD}} form-error{{/ERROR_CURRENT_PASSWORD}}">
<label class="form-label" for="current_password">{{_ Current password}}</label>
{{#ERROR_CURRENT_PASSWORD}}<span class="form-error-message" id="current_password-error"><span class="sr-only">{{_ Error:}}</span> {{MESSAGE}}</span>{{/ERROR_CURRENT_PASSWORD}}
<input class="form-input input-width-xl" type="password" id="current_password" name="current_password" autocomplete="current-password"{{#ERROR_CURRENT_PASSWORD}} aria-describedby="current_password-error"{{/ERROR_CURRENT_PASSWORD}}>
</div>{{/NEEDS_PASSWORD}}
{{#NEEDS_CODE}}<div class="form-group{{#ERROR_CURRENT_CODE}} form-error{{/ERROR_CURRENT_CODE}}">
<label class="form-label" for="current_code">{{_ Code from the device you use now}}</label>
<span class="form-hint" id="current_code-hint">{{_ Or one of your recovery codes.}}</span>
{{#ERROR_CURRENT_CODE}}<span class="form-error-message" id="current_code-error"><span class="sr-only">{{_ Error:}}</span> {{MESSAGE}}</span>{{/ERROR_CURRENT_CODE}}
<input class="form-input input-width-s" type="text" id="current_code" name="current_code" autocomplete="one-time-code" aria-describedby="current_code-hint{{#ERROR_CURRENT_CODE}} current_code-error{{/ERROR_CURRENT_CODE}}">
</div>{{/NEEDS_CODE}}
<button type="submit" class="button button-primary">{{_ Turn on two-step login}}</button>
</form>
</div></div>
