{{%AUTOESCAPE context="HTML"}}<a class="back-link" href="/operator/institutions">{{_ Back to the institutions}}</a>
<h1>{{_ Superbruger requests}}</h1>
{{#HAS_NOTICE}}<div class="alert alert-success" role="status"><div class="alert-body"><p class="alert-text">{{NOTICE}}</p></div></div>{{/HAS_NOTICE}}
{{>ERROR_SUMMARY}}
<p class="font-lead">{{_ The platform operator grants and removes the Superbruger role. A request waits here until an operator other than the one who asked carries it out; when a Superbruger asked, they are the second pair of eyes.}}</p>
{{#NO_REQUESTS}}<p>{{_ No requests are waiting.}}</p>{{/NO_REQUESTS}}
{{#HAS_REQUESTS}}<div class="table--responsive-scroll">
<table class="table table--zebra" id="superbruger-requests">
<caption>{{_ Waiting requests}} ({{COUNT}})</caption>
<thead><tr><th scope="col">{{_ User}}</th><th scope="col">{{_ Institution}}</th><th scope="col">{{_ Requested change}}</th><th scope="col">{{_ Requested by}}</th><th scope="col">{{_ Requested}}</th><th scope="col">{{_ Decision}}</th></tr></thead>
<tbody>
{{/HAS_REQUESTS}}{{#REQUEST}}<tr data-request-id="{{REQUEST_ID}}"><th scope="row">{{USER_NAME}}</th><td><a href="/operator/institutions/{{INSTITUTION_ID}}">{{INSTITUTION_NAME}}</a></td><td>{{CHANGE}}</td><td>{{REQUESTED_BY}}</td><td><time datetime="{{REQUESTED_AT_ISO}}">{{REQUESTED_AT}}</time></td>
<td>{{#CAN_DECIDE}}<form method="post" action="/operator/role-requests/{{REQUEST_ID}}/decision" class="inline-form"><input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}"><button type="submit" name="decision" value="approve" class="button button-primary button-small">{{_ Approve}}<span class="sr-only">: {{USER_NAME}}, {{CHANGE}}</span></button> <button type="submit" name="decision" value="reject" class="button button-secondary button-small">{{_ Reject}}<span class="sr-only">: {{USER_NAME}}, {{CHANGE}}</span></button></form>{{/CAN_DECIDE}}{{#OWN_REQUEST}}{{_ Your request is waiting for a second operator.}}{{/OWN_REQUEST}}</td></tr>
{{/REQUEST}}{{#HAS_REQUESTS}}</tbody>
</table>
</div>
{{/HAS_REQUESTS}}
