{{%AUTOESCAPE context="HTML"}}<p><a class="function-link" href="/operator/institutions">{{_ Back to the institutions}}</a></p>
<h1>{{NAME}}</h1>
{{#HAS_NOTICE}}<div class="alert alert-success" role="status"><div class="alert-body"><p class="alert-text">{{NOTICE}}</p></div></div>{{/HAS_NOTICE}}
{{>ERROR_SUMMARY}}
<dl>
<dt>{{_ CVR number}}</dt><dd>{{CVR}}</dd>
<dt>{{_ Address}}</dt><dd>{{ADDRESS}}</dd>
</dl>
<p><a class="function-link" href="/audit?institution={{ID}}">{{_ See the institution's audit trail}}</a></p>
<h2>{{_ Superbrugere and Administrators}}</h2>
<p>{{_ The platform operator maintains the institution's Superbrugere: changes, locks and deactivates their accounts, and grants and removes the role. Every grant or removal of the role is approved by a second operator. The Superbrugere look after the Administrators.}}</p>
{{#NO_ADMINISTRATORS}}<p>{{_ The institution has no Superbruger yet.}}</p>{{/NO_ADMINISTRATORS}}
{{#ADMINISTRATORS}}<div class="table--responsive-scroll"><table class="table table--compact" id="administrators">
<thead><tr><th scope="col">{{_ Name}}</th><th scope="col">{{_ E-mail address}}</th><th scope="col">{{_ Role}}</th><th scope="col">{{_ Status}}</th><th scope="col"><span class="sr-only">{{_ Action}}</span></th></tr></thead>
<tbody>
{{#ADMINISTRATOR}}<tr data-user-id="{{USER_ID}}"><td>{{NAME}}</td><td>{{EMAIL}}</td><td>{{ROLE}}</td><td>{{STATUS}}</td>
<td>{{#SUPERBRUGER_ACTIONS}}<a class="function-link" href="/operator/institutions/{{ID}}/superbrugere/{{USER_ID}}">{{_ Change}}<span class="sr-only">: {{NAME}}</span></a>
{{#CAN_LOCK}}<form method="post" action="/operator/institutions/{{ID}}/superbrugere/{{USER_ID}}/status" class="inline-form"><input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}"><input type="hidden" name="status" value="locked"><button type="submit" class="button button-secondary button-small">{{_ Lock}}<span class="sr-only">: {{NAME}}</span></button></form>{{/CAN_LOCK}}
{{#CAN_UNLOCK}}<form method="post" action="/operator/institutions/{{ID}}/superbrugere/{{USER_ID}}/status" class="inline-form"><input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}"><input type="hidden" name="status" value="active"><button type="submit" class="button button-secondary button-small">{{_ Unlock}}<span class="sr-only">: {{NAME}}</span></button></form>{{/CAN_UNLOCK}}
{{#CAN_DEACTIVATE}}<form method="post" action="/operator/institutions/{{ID}}/superbrugere/{{USER_ID}}/status" class="inline-form"><input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}"><input type="hidden" name="status" value="deactivated"><button type="submit" class="button button-secondary button-small">{{_ Deactivate}}<span class="sr-only">: {{NAME}}</span></button></form>{{/CAN_DEACTIVATE}}{{/SUPERBRUGER_ACTIONS}}</td></tr>
{{/ADMINISTRATOR}}</tbody>
</table></div>{{/ADMINISTRATORS}}
{{#WAITING_REQUESTS}}<h3>{{_ Requests for the Superbruger role}}</h3>
<ul id="waiting-requests">
{{#WAITING_REQUEST}}<li>{{USER_NAME}}: {{CHANGE}}, {{_ requested by}} {{REQUESTED_BY}}, {{REQUESTED_AT}}</li>
{{/WAITING_REQUEST}}</ul>
<p><a class="function-link" href="/operator/role-requests">{{_ Superbruger requests}}</a></p>{{/WAITING_REQUESTS}}
<h2>{{_ Create a Superbruger}}</h2>
<p>{{_ The role waits until a second operator approves it. Then the Superbruger gets a mail with a link to choose a password, and sets up two-step login at the first login.}}</p>
<form method="post" action="/operator/institutions/{{ID}}/superbrugere" novalidate>
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
<div class="form-group{{#ERROR_NAME}} form-error{{/ERROR_NAME}}">
<label class="form-label" for="name">{{_ Name}}</label>
{{#ERROR_NAME}}<span class="form-error-message" id="name-error"><span class="sr-only">{{_ Error:}}</span> {{MESSAGE}}</span>{{/ERROR_NAME}}
<input class="form-input input-width-xl" type="text" id="name" name="name" value="{{VALUE_NAME}}" autocomplete="off"{{#ERROR_NAME}} aria-describedby="name-error"{{/ERROR_NAME}}>
</div>
<div class="form-group{{#ERROR_EMAIL}} form-error{{/ERROR_EMAIL}}">
<label class="form-label" for="email">{{_ E-mail address}}</label>
{{#ERROR_EMAIL}}<span class="form-error-message" id="email-error"><span class="sr-only">{{_ Error:}}</span> {{MESSAGE}}</span>{{/ERROR_EMAIL}}
<input class="form-input input-width-xl" type="email" id="email" name="email" value="{{VALUE_EMAIL}}" autocomplete="off"{{#ERROR_EMAIL}} aria-describedby="email-error"{{/ERROR_EMAIL}}>
</div>
<button type="submit" class="button button-primary">{{_ Create Superbruger}}</button>
</form>
