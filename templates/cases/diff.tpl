{{%AUTOESCAPE context="HTML"}}<p><a class="back-link" href="/cases/{{ID}}/ad/versions?language={{AD_LANGUAGE}}">{{_ All versions}}</a></p>
<h1>{{_ Changes in the ad}}</h1>
<p>{{_ From version}} {{PREVIOUS}} {{_ to version}} {{VERSION}}</p>
{{#TOO_DIFFERENT}}<p>{{_ The two versions differ in too many lines to be shown line by line.}}</p>{{/TOO_DIFFERENT}}
{{#LINES}}<pre class="ad-diff">{{#LINE}}{{#ADDED}}<ins>+ {{TEXT}}</ins>{{/ADDED}}{{#REMOVED}}<del>- {{TEXT}}</del>{{/REMOVED}}{{#SAME}}<span>  {{TEXT}}</span>{{/SAME}}
{{/LINE}}</pre>{{/LINES}}
