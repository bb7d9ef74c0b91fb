{{%AUTOESCAPE context="HTML"}}<div class="row"><div class="col-12 col-md-8 col-lg-6">
<h1>{{_ Choose a new password}}</h1>
{{#EXPIRED}}<div class="alert alert-error" role="alert"><div class="alert-body"><p class="alert-text">{{PROBLEM}}</p></div></div>
<p><a href="/password/forgot">{{_ Ask for a new link}}</a></p>{{/EXPIRED}}
{{#FORM}}{{>ERROR_SUMMARY}}
<form method="post" action="{{CURRENT_PATH}}" novalidate>
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
<div class="form-group{{#ERROR_PASSWORD}} form-error{{/ERROR_PASSWORD}}">
<label class="form-label" for="password">{{_ New password}}</label>
<span class="form-hint" id="password-hint">{{_ At least 12 characters.}}</span>
{{#ERROR_PASSWORD}}<span class="form-error-message" id="password-error"><span class="sr-only">{{_ Error:}}</span> {{MESSAGE}}</span>{{/ERROR_PASSWORD}}
<input class="form-input input-width-xl" type="password" id="password" name="password" autocomplete="new-password" aria-describedby="password-hint">
</div>
<div class="form-group{{#ERROR_REPEAT_PASSWORD}} form-error{{/ERROR_REPEAT_PASSWORD}}">
<label class="form-label" for="repeat_password">{{_ Repeat the new password}}</label>
{{#ERROR_REPEAT_PASSWORD}}<span class="form-error-message" id="repeat_password-error"><span class="sr-only">{{_ Error:}}</span> {{MESSAGE}}</span>{{/ERROR_REPEAT_PASSWORD}}
<input class="form-input input-width-xl" type="password" id="repeat_password" name="repeat_password" autocomplete="new-password">
</div>
<button type="submit" class="button button-primary">{{_ Save password}}</button>
</form>{{/FORM}}
</div></div>
