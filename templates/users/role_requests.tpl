{{%AUTOESCAPE context="HTML"}}<a class="back-link" href="/users">{{_ Back to users}}</a>
<h1>{{_ Role requests}}</h1>
{{#HAS_NOTICE}}<div class="alert alert-success" role="status"><div class="alert-body"><p class="alert-text">{{NOTICE}}</p></div></div>{{/HAS_NOTICE}}
{{>ERROR_SUMMARY}}
<p class="font-lead">{{_ Grants of the Administrator role wait here until a second Superbruger approves them. Requests for the Superbruger role wait for the platform operator, who grants and removes it. Nobody approves their own request.}}</p>
{{#NO_REQUESTS}}<p>{{_ No requests are waiting.}}</p>{{/NO_REQUESTS}}
{{#HAS_REQUESTS}}<div class="table--responsive-scroll">
<table class="table table--zebra">
<caption>{{_ Waiting requests}} ({{COUNT}})</caption>
<thead><tr><th scope="col">{{_ User}}</th><th scope="col">{{_ Role}}</th><th scope="col">{{_ Requested change}}</th><th scope="col">{{_ Requested by}}</th><th scope="col">{{_ Requested}}</th><th scope="col">{{_ Decision}}</th></tr></thead>
<tbody>
{{/HAS_REQUESTS}}{{#REQUEST}}<tr><th scope="row"><a href="/users/{{USER_ID}}">{{USER_NAME}}</a></th><td>{{ROLE}}</td><td>{{CHANGE}}</td><td>{{REQUESTED_BY}}</td><td><time datetime="{{REQUESTED_AT_ISO}}">{{REQUESTED_AT}}</time></td>
<td>{{#CAN_DECIDE}}<form method="post" action="/role-requests/{{REQUEST_ID}}/decision" class="inline-form"><input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}"><button type="submit" name="decision" value="approve" class="button button-primary button-small">{{_ Approve}}<span class="sr-only">: {{USER_NAME}}, {{ROLE}}</span></button> <button type="submit" name="decision" value="reject" class="button button-secondary button-small">{{_ Reject}}<span class="sr-only">: {{USER_NAME}}, {{ROLE}}</span></button></form>{{/CAN_DECIDE}}{{#OWN_REQUEST}}{{_ Your request is waiting for a second Superbruger.}}{{/OWN_REQUEST}}{{#WAITING}}{{_ Waiting for a second Superbruger}}{{/WAITING}}{{#OPERATOR_DECIDES}}{{_ Waiting for the platform operator}}{{/OPERATOR_DECIDES}}</td></tr>
{{/REQUEST}}{{#HAS_REQUESTS}}</tbody>
</table>
</div>
{{/HAS_REQUESTS}}
