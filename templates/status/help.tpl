{{%AUTOESCAPE context="HTML"}}<h1>{{_ Help and support}}</h1>
<p class="font-lead">{{_ Your institution's Superbrugere and Administrators help with accounts, roles and the institution's set-up. The support of the service helps with everything else.}}</p>
<h2>{{_ Contact support}}</h2>
<dl id="support">
{{#HAS_SUPPORT_EMAIL}}<dt>{{_ E-mail}}</dt><dd><a class="function-link" href="mailto:{{SUPPORT_EMAIL}}">{{SUPPORT_EMAIL}}</a></dd>{{/HAS_SUPPORT_EMAIL}}
{{#HAS_SUPPORT_PHONE}}<dt>{{_ Phone}}</dt><dd>{{SUPPORT_PHONE}}</dd>{{/HAS_SUPPORT_PHONE}}
<dt>{{_ Opening hours}}</dt><dd>{{SUPPORT_HOURS}}</dd>
</dl>
<p>{{_ Never send CPR numbers or applications to support by e-mail.}}</p>
<h2>{{_ Is something wrong with Rekrut?}}</h2>
<p>{{_ Incidents and planned service windows are announced on the status page, which you can also follow as a feed.}} <a class="function-link" href="/status">{{_ See the service status}}</a></p>
