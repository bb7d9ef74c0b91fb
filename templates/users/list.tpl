{{%AUTOESCAPE context="HTML"}}<h1>{{_ Users}}</h1>
<p class="font-lead">{{_ The users of your institution. Case roles are given on each recruitment case.}}</p>
<ul class="nobullet-list">
{{#CAN_CREATE}}<li><a class="button button-primary" href="/users/new">{{_ Create user}}</a></li>{{/CAN_CREATE}}
<li class="mt-4"><a class="function-link" href="/role-requests">{{_ Role requests waiting for approval}}</a></li>
</ul>
<div class="table--responsive-scroll">
<table class="table table--zebra">
<caption>{{_ Users}} ({{COUNT}})</caption>
<thead><tr><th scope="col">{{_ Name}}</th><th scope="col">{{_ E-mail address}}</th><th scope="col">{{_ Status}}</th><th scope="col">{{_ Institution roles}}</th></tr></thead>
<tbody>
{{#USER}}<tr><th scope="row"><a href="/users/{{USER_ID}}">{{NAME}}</a></th><td>{{EMAIL}}</td><td>{{#INACTIVE}}<strong>{{/INACTIVE}}{{STATUS}}{{#INACTIVE}}</strong>{{/INACTIVE}}</td><td>{{#NO_ROLE}}{{_ None}}{{/NO_ROLE}}{{#ROLE}}{{ROLE}}{{#ROLE_separator}}, {{/ROLE_separator}}{{/ROLE}}</td></tr>
{{/USER}}</tbody>
</table>
</div>
