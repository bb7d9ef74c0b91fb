{{%AUTOESCAPE context="HTML"}}<a class="back-link" href="/users">{{_ Back to users}}</a>
<h1>{{NAME}}</h1>
{{#CAN_SEE_HISTORY}}<p class="user-history-link"><a class="function-link" href="{{HISTORY_LINK}}">{{_ History}}</a></p>{{/CAN_SEE_HISTORY}}
{{#HAS_NOTICE}}<div class="alert alert-success" role="status"><div class="alert-body"><p class="alert-text">{{NOTICE}}</p></div></div>{{/HAS_NOTICE}}
{{>ERROR_SUMMARY}}
<table class="table table--compact">
<caption>{{_ Account}}</caption>
<tbody>
<tr><th scope="row">{{_ E-mail address}}</th><td>{{EMAIL}}</td></tr>
<tr><th scope="row">{{_ Status}}</th><td>{{STATUS}}</td></tr>
<tr><th scope="row">{{_ Created}}</th><td>{{CREATED_AT}}</td></tr>
<tr><th scope="row">{{_ Last login}}</th><td>{{#HAS_LOGGED_IN}}{{LAST_LOGIN}}{{/HAS_LOGGED_IN}}{{#NEVER_LOGGED_IN}}{{_ Never}}{{/NEVER_LOGGED_IN}}</td></tr>
</tbody>
</table>
{{#OWN_ACCOUNT}}<p>{{_ This is your own account. Nobody can change their own account or rights here.}} <a href="/profile">{{_ Go to your profile}}</a></p>{{/OWN_ACCOUNT}}
{{#READ_ONLY}}<p>{{_ You cannot change this user. Only a Superbruger changes Administrators.}}</p>{{/READ_ONLY}}
{{#READ_ONLY_SUPERBRUGER}}<p>{{_ You cannot change this user. The platform operator changes, locks and deactivates Superbrugere.}}</p>{{/READ_ONLY_SUPERBRUGER}}
{{#EDIT_FORM}}<h2>{{_ Change details}}</h2>
<form method="post" action="/users/{{USER_ID}}" novalidate{{#CONFIRMS_DEACTIVATION}} data-confirm-modal="confirm-deactivate" data-confirm-when="status=deactivated"{{/CONFIRMS_DEACTIVATION}}>
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
<span class="form-hint" id="status-hint">{{_ A locked or deactivated user cannot log in, and their sessions end at once.}}</span>
{{#ERROR_STATUS}}<span class="form-error-message" id="status-error"><span class="sr-only">{{_ Error:}}</span> {{MESSAGE}}</span>{{/ERROR_STATUS}}
{{#STATUS_OPTION}}<div class="form-group-radio"><input type="radio" class="form-radio" id="{{ID}}" name="status" value="{{VALUE}}"{{#CHECKED}} checked{{/CHECKED}}><label class="form-label" for="{{ID}}">{{LABEL}}</label></div>
{{/STATUS_OPTION}}</fieldset>
</div>
<button type="submit" class="button button-primary">{{_ Save changes}}</button>
</form>{{/EDIT_FORM}}
<h2>{{_ Institution roles}}</h2>
<p>{{_ The platform operator grants and removes the Superbruger role; a Superbruger can request it. When the institution has two or more Superbrugere, a grant of the Administrator role must be approved by a second Superbruger. Nobody grants rights to themselves.}}</p>
<div class="table--responsive-scroll">
<table class="table">
<caption>{{_ Institution roles of the user}}</caption>
<thead><tr><th scope="col">{{_ Role}}</th><th scope="col">{{_ Held}}</th><th scope="col">{{_ Granted by}}</th><th scope="col">{{_ Approved by}}</th><th scope="col"><span class="sr-only">{{_ Action}}</span></th></tr></thead>
<tbody>
{{#ROLE_ROW}}<tr><th scope="row">{{LABEL}}</th>
<td>{{#HELD}}{{_ Yes}}{{#REMOVAL_PENDING}}. {{_ Removal requested by}} {{REQUESTED_BY}}, {{REQUESTED_AT}}: {{#BY_OPERATOR}}{{_ waiting for the platform operator}}{{/BY_OPERATOR}}{{/REMOVAL_PENDING}}{{/HELD}}{{#PENDING}}{{#BY_SUPERBRUGER}}{{_ Waiting for a second Superbruger}}{{/BY_SUPERBRUGER}}{{#BY_OPERATOR}}{{_ Waiting for the platform operator}}{{/BY_OPERATOR}}{{/PENDING}}{{#NOT_HELD}}{{_ No}}{{/NOT_HELD}}</td>
<td>{{#HELD}}{{GRANTED_BY}}, {{GRANTED_AT}}{{/HELD}}{{#PENDING}}{{_ Requested by}} {{REQUESTED_BY}}, {{REQUESTED_AT}}{{/PENDING}}</td>
<td>{{#HELD}}{{#WAS_APPROVED}}{{APPROVED_BY}}{{/WAS_APPROVED}}{{/HELD}}</td>
<td>{{#CAN_GRANT}}<form method="post" action="/users/{{USER_ID}}/roles" class="inline-form"><input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}"><input type="hidden" name="role" value="{{ROLE}}"><input type="hidden" name="operation" value="grant"><button type="submit" class="button button-secondary button-small">{{_ Grant role}}<span class="sr-only">: {{LABEL}}</span></button></form>{{/CAN_GRANT}}{{#CAN_REVOKE}}<a class="button button-secondary button-small" href="/users/{{USER_ID}}/roles/revoke?role={{ROLE}}" data-module="modal" data-target="confirm-revoke-{{ROLE}}">{{_ Remove role}}<span class="sr-only">: {{LABEL}}</span></a>{{/CAN_REVOKE}}{{#CAN_REQUEST}}<form method="post" action="/users/{{USER_ID}}/roles" class="inline-form"><input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}"><input type="hidden" name="role" value="{{ROLE}}"><input type="hidden" name="operation" value="grant"><button type="submit" class="button button-secondary button-small">{{_ Request Superbruger role}}</button></form>{{/CAN_REQUEST}}{{#CAN_REQUEST_REMOVAL}}<form method="post" action="/users/{{USER_ID}}/roles" class="inline-form"><input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}"><input type="hidden" name="role" value="{{ROLE}}"><input type="hidden" name="operation" value="revoke"><button type="submit" class="button button-secondary button-small">{{_ Request removal}}<span class="sr-only">: {{LABEL}}</span></button></form>{{/CAN_REQUEST_REMOVAL}}</td></tr>
{{/ROLE_ROW}}</tbody>
</table>
</div>
{{#CAN_ERASE}}<h2>{{_ Erase the account}}</h2>
<p>{{_ A deactivated account is erased when the institution's period for ended accounts has run. You can erase it now, for example when the person asks for it.}}</p>
<p><a class="button button-secondary" href="{{ERASE_HREF}}" data-module="modal" data-target="confirm-erase">{{_ Erase the account}}</a></p>{{/CAN_ERASE}}
{{#CONFIRM_MODALS}}{{>CONFIRM_MODAL}}{{/CONFIRM_MODALS}}
