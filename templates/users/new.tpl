{{%AUTOESCAPE context="HTML"}}<div class="row"><div class="col-12 col-md-8 col-lg-6">
<a class="back-link" href="/users">{{_ Back to users}}</a>
<h1>{{_ Create user}}</h1>
{{>ERROR_SUMMARY}}
<p>{{_ The user receives an e-mail with a link to choose a password. The link works for 7 days.}}</p>
<form method="post" action="/users" novalidate>
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
<div class="form-group{{#ERROR_NAME}} form-error{{/ERROR_NAME}}">
<label class="form-label" for="name">{{_ Name}}</label>
{{#ERROR_NAME}}<span class="form-error-message" id="name-error"><span class="sr-only">{{_ Error:}}</span> {{MESSAGE}}</span>{{/ERROR_NAME}}
<input class="form-input input-width-xl" type="text" id="name" name="name" value="{{VALUE_NAME}}" maxlength="200" autocomplete="off"{{#ERROR_NAME}} aria-describedby="name-error"{{/ERROR_NAME}}>
</div>
<div class="form-group{{#ERROR_EMAIL}} form-error{{/ERROR_EMAIL}}">
<label class="form-label" for="email">{{_ E-mail address}}</label>
{{#ERROR_EMAIL}}<span class="form-error-message" id="email-error"><span class="sr-only">{{_ Error:}}</span> {{MESSAGE}}</span>{{/ERROR_EMAIL}}
<input class="form-input input-width-xl" type="email" id="email" name="email" value="{{VALUE_EMAIL}}" maxlength="254" autocomplete="off" spellcheck="false"{{#ERROR_EMAIL}} aria-describedby="email-error"{{/ERROR_EMAIL}}>
</div>
{{#ROLE_CHOICE}}<div class="form-group{{#ERROR_ROLE}} form-error{{/ERROR_ROLE}}">
<label class="form-label" for="role">{{_ Institution role}}</label>
<span class="form-hint" id="role-hint">{{_ Only Superbrugere and Administrators need an institution role. Case users get their roles on the recruitment case.}} {{_ The Superbruger role is requested from the platform operator, who grants it.}}</span>
{{#ERROR_ROLE}}<span class="form-error-message" id="role-error"><span class="sr-only">{{_ Error:}}</span> {{MESSAGE}}</span>{{/ERROR_ROLE}}
<select class="form-select" id="role" name="role" aria-describedby="role-hint{{#ERROR_ROLE}} role-error{{/ERROR_ROLE}}">
<option value="">{{_ No institution role}}</option>
{{#ROLE_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/ROLE_OPTION}}</select>
</div>{{/ROLE_CHOICE}}
<button type="submit" class="button button-primary">{{_ Create user}}</button>
</form>
</div></div>
