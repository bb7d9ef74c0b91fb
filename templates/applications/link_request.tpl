{{%AUTOESCAPE context="HTML"}}<div class="row"><div class="col-12 col-md-8 col-lg-6">
<h1>{{_ Get a new link to your application}}</h1>
{{#HAS_NOTICE}}<div class="alert alert-success" role="status"><div class="alert-body"><p class="alert-text">{{NOTICE}}</p></div></div>{{/HAS_NOTICE}}
<p>{{_ Enter the e-mail address you applied with. We send a new personal link for each of your open applications.}}</p>
<form method="post" action="/application" novalidate>
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
<div class="form-group">
<label class="form-label" for="email">{{_ E-mail address}}</label>
<input class="form-input input-width-xl" type="email" id="email" name="email" autocomplete="email">
</div>
<button type="submit" class="button button-primary">{{_ Send link}}</button>
</form>
</div></div>
