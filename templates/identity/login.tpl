{{%AUTOESCAPE context="HTML"}}<div class="row"><div class="col-12 col-md-8 col-lg-6">
<h1>{{_ Log in}}</h1>
{{#RESET_DONE}}<div class="alert alert-success" role="status"><div class="alert-body"><p class="alert-text">{{_ Your password has been changed. Log in with the new password.}}</p></div></div>{{/RESET_DONE}}
{{>ERROR_SUMMARY}}
<form method="post" action="/login" novalidate>
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
<input type="hidden" name="next" value="{{NEXT}}">
<div class="form-group{{#ERROR_EMAIL}} form-error{{/ERROR_EMAIL}}">
<label class="form-label" for="email">{{_ E-mail address}}</label>
{{#ERROR_EMAIL}}<span class="form-error-message" id="email-error"><span class="sr-only">{{_ Error:}}</span> {{MESSAGE}}</span>{{/ERROR_EMAIL}}
<input class="form-input input-width-xl" type="email" id="email" name="email" value="{{VALUE_EMAIL}}" autocomplete="username" required{{#ERROR_EMAIL}} aria-describedby="email-error"{{/ERROR_EMAIL}}>
</div>
<div class="form-group">
<label class="form-label" for="password">{{_ Password}}</label>
<input class="form-input input-width-xl" type="password" id="password" name="password" autocomplete="current-password" required>
</div>
<button type="submit" class="button button-primary">{{_ Log in}}</button>
</form>
<p class="mt-6"><a href="/password/forgot">{{_ Forgotten your password?}}</a></p>
<p class="form-hint">{{_ State employees will later log in with MitID Erhverv through NemLog-in.}}</p>
</div></div>
