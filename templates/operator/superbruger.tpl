{{%AUTOESCAPE context="HTML"}}<a class="back-link" href="/operator/institutions/{{INSTITUTION_ID}}">{{_ Back to}} {{INSTITUTION_NAME}}</a>
<h1>{{USER_NAME}}</h1>
{{>ERROR_SUMMARY}}
<p class="font-lead">{{_ Superbruger of}} {{INSTITUTION_NAME}}</p>
<table class="table table--compact">
<caption>{{_ Account}}</caption>
<tbody>
<tr><th scope="row">{{_ E-mail address}}</th><td>{{EMAIL}}</td></tr>
<tr><th scope="row">{{_ Status}}</th><td>{{STATUS}}</td></tr>
<tr><th scope="row">{{_ Created}}</th><td>{{CREATED_AT}}</td></tr>
<tr><th scope="row">{{_ Last login}}</th><td>{{#HAS_LOGGED_IN}}{{LAST_LOGIN}}{{/HAS_LOGGED_IN}}{{#NEVER_LOGGED_IN}}{{_ Never}}{{/NEVER_LOGGED_IN}}</td></tr>
</tbody>
</table>
<h2>{{_ Change details}}</h2>
<form method="post" action="/operator/institutions/{{INSTITUTION_ID}}/superbrugere/{{USER_ID}}" novalidate>
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
<div class="form-group{{#ERROR_STATUS}} form-error{{/ERROR_STATUS}}">
<fieldset aria-describedby="status-hint{{#ERROR_STATUS}} status-error{{/ERROR_STATUS}}">
<legend class="form-label">{{_ Status}}</legend>
<span class="form-hint" id="status-hint">{{_ A locked or deactivated user cannot log in, and their sessions end at once.}} {{_ The institution's last active Superbruger can be locked but not deactivated.}}</span>
{{#ERROR_STATUS}}<span class="form-error-message" id="status-error"><span class="sr-only">{{_ Error:}}</span> {{MESSAGE}}</span>{{/ERROR_STATUS}}
{{#STATUS_OPTION}}<div class="form-group-radio"><input type="radio" class="form-radio" id="{{ID}}" name="status" value="{{VALUE}}"{{#CHECKED}} checked{{/CHECKED}}><label class="form-label" for="{{ID}}">{{LABEL}}</label></div>
{{/STATUS_OPTION}}</fieldset>
</div>
<button type="submit" class="button button-primary">{{_ Save changes}}</button>
</form>
<h2>{{_ The Superbruger role}}</h2>
{{#REQUEST_WAITING}}<p>{{_ A request about this user's Superbruger role is waiting for an operator.}} <a href="/operator/role-requests">{{_ Superbruger requests}}</a></p>{{/REQUEST_WAITING}}
{{#CAN_REQUEST_REMOVAL}}<p>{{_ The role is removed when a second operator approves the removal. The institution must keep at least one active Superbruger.}}</p>
<form method="post" action="/operator/institutions/{{INSTITUTION_ID}}/superbrugere/{{USER_ID}}/removal">
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
<button type="submit" class="button button-secondary">{{_ Request removal of the Superbruger role}}</button>
</form>{{/CAN_REQUEST_REMOVAL}}
