{{%AUTOESCAPE context="HTML"}}<article class="job-ad" lang="{{AD_LANG}}">
<h1>{{AD_TITLE}}</h1>
<p class="font-lead">{{INSTITUTION}}</p>
{{#READVERTISEMENT}}<p><strong>{{_ Re-advertisement}}</strong></p>{{/READVERTISEMENT}}
<div class="job-ad-body">{{AD_BODY:none}}</div>
{{#AD_BLOCK}}<div class="job-ad-block">{{HTML:none}}</div>
{{/AD_BLOCK}}
<dl class="case-facts">
<dt>{{_ Place of work}}</dt><dd>{{PLACE}}</dd>
<dt>{{_ Salary}}</dt><dd>{{SALARY}} {{AGREEMENT}}</dd>
{{#PART_TIME}}<dt>{{_ Weekly hours}}</dt><dd>{{HOURS}}</dd>{{/PART_TIME}}
{{#IS_FIXED_TERM}}<dt>{{_ Period}}</dt><dd>{{FIXED_TERM}}</dd>{{/IS_FIXED_TERM}}
<dt>{{_ Application deadline}}</dt><dd><time datetime="{{DEADLINE_ISO}}">{{DEADLINE}}</time></dd>
</dl>
<h2>{{_ Contact}}</h2>
<ul class="nobullet-list">
{{#AD_CONTACT}}<li>{{NAME}} {{CONTACT_TITLE}} {{PHONE}} {{EMAIL}}</li>
{{/AD_CONTACT}}</ul>
</article>
