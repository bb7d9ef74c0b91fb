{{%AUTOESCAPE context="HTML"}}<div class="row"><div class="col-12 col-md-8 col-lg-6">
<h1>{{_ Confirm your new e-mail address}}</h1>
{{#EXPIRED}}<div class="alert alert-error" role="alert"><div class="alert-body"><p class="alert-text">{{PROBLEM}}</p></div></div>{{/EXPIRED}}
{{#DONE}}<div class="alert alert-success" role="status"><div class="alert-body"><p class="alert-text">{{_ Your e-mail address has been changed. Log in with the new address from now on.}}</p></div></div>
<p><a class="button button-primary" href="/login">{{_ Log in}}</a></p>{{/DONE}}
{{#FORM}}<p>{{_ Confirm that the e-mail address of your account in Rekrut changes to the address this link was sent to.}}</p>
<form method="post" action="{{CURRENT_PATH}}" novalidate>
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
<button type="submit" class="button button-primary">{{_ Confirm the new address}}</button>
</form>{{/FORM}}
</div></div>
