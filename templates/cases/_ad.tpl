{{%AUTOESCAPE context="HTML"}}<article class="job-ad" lang="{{AD_LANG}}">
<h1>{{AD_TITLE}}</h1>
<p class="font-lead">{{INSTITUTION}}</p>
{{#READVERTISEMENT}}<p><strong>{{_ Re-advertisement}}</strong></p>{{/READVERTISEMENT}}
<div class="job-ad-body">{{AD_BODY:none}}</div>
{{#AD_BLOCK}}<div class="job-ad-block">{{HTML:none}}</div>
{{/AD_BLOCK}}
<dl class="case-facts">
<dt>{{_ Place of work}}</dt><dd>{{PLACE}}</dd>
{{#HAS_SALARY}}<dt>{{_ Salary}}</dt><dd>{{SALARY}}</dd>{{/HAS_SALARY}}
{{#HAS_AGREEMENT}}<dt>{{_ Collective agreement}}</dt><dd>{{AGREEMENT}}</dd>{{/HAS_AGREEMENT}}
<dt>{{_ Employment}}</dt><dd>{{#FORM_PERMANENT}}{{_ Permanent}}{{/FORM_PERMANENT}}{{#FORM_FIXED_TERM}}{{_ Fixed term}}{{/FORM_FIXED_TERM}}{{#FORM_AAREMAAL}}{{_ Åremål (fixed-term senior post)}}{{/FORM_AAREMAAL}}</dd>
{{#PART_TIME}}<dt>{{_ Weekly hours}}</dt><dd>{{HOURS}}</dd>{{/PART_TIME}}{{#FULL_TIME}}<dt>{{_ Weekly hours}}</dt><dd>{{_ Full time}} ({{HOURS}})</dd>{{/FULL_TIME}}
{{#IS_FIXED_TERM}}<dt>{{_ Period}}</dt><dd>{{FIXED_TERM}}</dd>{{/IS_FIXED_TERM}}
<dt>{{_ Application deadline}}</dt><dd><time datetime="{{DEADLINE_ISO}}">{{DEADLINE}}</time></dd>
</dl>
{{#HAS_CONTACTS}}<h2>{{_ Contact}}</h2>
<ul class="nobullet-list contact-list">
{{#AD_CONTACT}}<li><span class="contact-name">{{NAME}}</span>{{#HAS_TITLE}}<span class="contact-line">{{CONTACT_TITLE}}</span>{{/HAS_TITLE}}{{#HAS_PHONE}}<span class="contact-line">{{_ Phone:}} <a href="tel:{{PHONE_DIAL}}">{{PHONE}}</a></span>{{/HAS_PHONE}}{{#HAS_EMAIL}}<span class="contact-line">{{_ E-mail:}} <a href="mailto:{{EMAIL}}">{{EMAIL}}</a></span>{{/HAS_EMAIL}}</li>
{{/AD_CONTACT}}</ul>{{/HAS_CONTACTS}}
</article>
