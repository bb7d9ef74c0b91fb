{{%AUTOESCAPE context="HTML"}}<h1>{{_ Administrator rights}}</h1>
<p class="font-lead">{{_ Everyone who holds the role Superbruger or Administrator in your institution. Review the list regularly and remove rights that are no longer needed.}}</p>
<p>{{_ Status as of}} <time datetime="{{NOW_ISO}}">{{NOW}}</time></p>
{{#NO_RIGHTS}}<p>{{_ Nobody holds administrator rights.}}</p>{{/NO_RIGHTS}}
{{#HAS_RIGHTS}}<div class="table--responsive-scroll">
<table class="table table--zebra table--compact">
<caption>{{_ Administrator rights}} ({{COUNT}})</caption>
<thead><tr><th scope="col">{{_ Name}}</th><th scope="col">{{_ Role}}</th><th scope="col">{{_ Status}}</th><th scope="col">{{_ Last login}}</th><th scope="col">{{_ Two-step login}}</th><th scope="col">{{_ Granted by}}</th><th scope="col">{{_ Granted}}</th><th scope="col">{{_ Approved by}}</th></tr></thead>
<tbody>
{{/HAS_RIGHTS}}{{#RIGHT}}<tr><th scope="row">{{#USER_LINK}}<a href="/users/{{USER_ID}}">{{NAME}}</a>{{/USER_LINK}}{{#NO_USER_LINK}}{{NAME}}{{/NO_USER_LINK}}<br><span class="form-hint">{{EMAIL}}</span></th><td>{{ROLE}}</td><td>{{STATUS}}</td><td>{{#LAST_LOGIN}}<time datetime="{{AT_ISO}}">{{AT}}</time>{{/LAST_LOGIN}}{{#NEVER_LOGGED_IN}}{{_ Never}}{{/NEVER_LOGGED_IN}}</td><td>{{#MFA_ON}}{{#HAS_SINCE}}{{_ On since}} {{SINCE}}{{/HAS_SINCE}}{{#NO_SINCE}}{{_ On}}{{/NO_SINCE}}{{/MFA_ON}}{{#MFA_OFF}}<strong>{{_ Off}}</strong>{{/MFA_OFF}}</td><td>{{GRANTED_BY}}</td><td><time datetime="{{GRANTED_AT_ISO}}">{{GRANTED_AT}}</time></td><td>{{APPROVED_BY}}</td></tr>
{{/RIGHT}}{{#HAS_RIGHTS}}</tbody>
</table>
</div>
{{/HAS_RIGHTS}}
