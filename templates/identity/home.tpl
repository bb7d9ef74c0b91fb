{{%AUTOESCAPE context="HTML"}}<h1>{{_ Overview}}</h1>
<p class="font-lead">{{_ Welcome,}} {{NAME}}</p>
{{#ELEVATED}}<div class="alert alert-warning" role="status"><div class="alert-body"><p class="alert-text">{{_ You have time-limited access to an institution's data. Every use is logged.}}</p></div></div>{{/ELEVATED}}
<h2>{{_ Your roles}}</h2>
<ul>
{{#OPERATOR}}<li>{{_ Platform operator}}</li>{{/OPERATOR}}
{{#ROLE_SUPERBRUGER}}<li>{{_ Superbruger}}</li>{{/ROLE_SUPERBRUGER}}
{{#ROLE_ADMINISTRATOR}}<li>{{_ Administrator}}</li>{{/ROLE_ADMINISTRATOR}}
{{#CASE_ROLE}}<li>{{ROLE}} ({{#ONE_CASE}}{{_ on one case}}{{/ONE_CASE}}{{#MANY_CASES}}{{_ on}} {{COUNT}} {{_ cases}}{{/MANY_CASES}})</li>{{/CASE_ROLE}}
</ul>
<h2>{{_ What you can do}}</h2>
{{#CANNOT_CREATE}}<p>{{_ New recruitment cases are created by your institution's Administrators. Ask one of them to create the case and to add you to its hiring committee; the case then appears under your cases.}}</p>{{/CANNOT_CREATE}}
<ul class="nobullet-list">
{{#CAN_CASES}}<li><a href="/cases">{{CASES_LABEL}}</a></li>{{/CAN_CASES}}
{{#CAN_USERS}}<li><a href="/users">{{_ Manage users}}</a></li>{{/CAN_USERS}}
{{#CAN_RIGHTS}}<li><a href="/administrator-rights">{{_ Review administrator rights}}</a></li>{{/CAN_RIGHTS}}
{{#CAN_AUDIT}}<li><a href="/audit">{{_ See the audit trail}}</a></li>{{/CAN_AUDIT}}
{{#CAN_CONTINGENCY}}<li><a href="/contingency">{{_ Make the contingency bundle}}</a></li>{{/CAN_CONTINGENCY}}
{{#OPERATOR}}<li><a href="/operator/institutions">{{_ Institutions}}</a></li>
<li><a href="/operator/role-requests">{{_ Superbruger requests}}</a></li>
<li><a href="/operator/outbox">{{_ Outgoing mail}}</a></li>
<li><a href="/operator/offboarding">{{_ Off-boarding of institutions}}</a></li>
<li><a href="/operator/access">{{_ Access to an institution}}</a></li>
<li><a href="/operator/status">{{_ Service status}}</a></li>
<li><a href="/operator/controls">{{_ Operator controls}}</a></li>{{/OPERATOR}}
<li><a href="/profile">{{_ My profile}}</a></li>
</ul>
