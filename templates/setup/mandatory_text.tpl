{{%AUTOESCAPE context="HTML"}}<p><a class="back-link" href="/setup/mandatory-texts">{{_ Mandatory texts}}</a></p>
<h1>{{NAME}}</h1>
{{>ERROR_SUMMARY}}
<h2>{{_ As it appears in an ad}}</h2>
<div class="job-ad-block">{{PREVIEW:none}}</div>
<h2>{{_ Change}}</h2>
{{>FORM}}
