{{%AUTOESCAPE context="HTML"}}<div class="row"><div class="col-12 col-md-8 col-lg-6">
<h1>{{_ Enter your code}}</h1>
{{>ERROR_SUMMARY}}
<p>{{_ Open your authenticator app and enter the six-digit code for Rekrut. If you have lost your device, enter one of your recovery codes.}}</p>
<form method="post" action="/login/second-factor" novalidate>
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
<div class="form-group{{#ERROR_CODE}} form-error{{/ERROR_CODE}}">
<label class="form-label" for="code">{{_ Code}}</label>
{{#ERROR_CODE}}<span class="form-error-message" id="code-error"><span class="sr-only">{{_ Error:}}</span> {{MESSAGE}}</span>{{/ERROR_CODE}}
<input class="form-input input-width-s" type="text" id="code" name="code" inputmode="numeric" autocomplete="one-time-code" required{{#ERROR_CODE}} aria-describedby="code-error"{{/ERROR_CODE}}>
</div>
<button type="submit" class="button button-primary">{{_ Continue}}</button>
</form>
</div></div>
