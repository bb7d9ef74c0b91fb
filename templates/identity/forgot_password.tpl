{{%AUTOESCAPE context="HTML"}}<div class="row"><div class="col-12 col-md-8 col-lg-6">
<h1>{{_ Forgotten password}}</h1>
{{#SENT}}<div class="alert alert-success" role="status"><div class="alert-body"><p class="alert-text">{{_ If the address belongs to a user, we have sent a link to choose a new password. The link works for 30 minutes.}}</p></div></div>{{/SENT}}
<p>{{_ Enter your e-mail address. We will send you a link to choose a new password.}}</p>
<form method="post" action="/password/forgot" novalidate>
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
<div class="form-group">
<label class="form-label" for="email">{{_ E-mail address}}</label>
<input class="form-input input-width-xl" type="email" id="email" name="email" autocomplete="username" required>
</div>
<button type="submit" class="button button-primary">{{_ Send link}}</button>
</form>
</div></div>
