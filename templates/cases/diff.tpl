{{%AUTOESCAPE context="HTML"}}<p><a class="back-link" href="/cases/{{ID}}/ad/versions?language={{AD_LANGUAGE}}">{{_ All versions}}</a></p>
<h1>{{_ Changes in the ad}}</h1>
<p class="font-lead">{{_ From version}} {{PREVIOUS}} {{_ to version}} {{VERSION}}</p>
{{#TOO_DIFFERENT}}<p>{{_ The two versions differ in too many lines to be shown line by line.}}</p>{{/TOO_DIFFERENT}}
{{#NO_CHANGES}}<p>{{_ The text is the same in both versions.}}</p>{{/NO_CHANGES}}
{{#LINES}}<p>{{_ Added text is marked in green and underlined, removed text in red and struck through. Unchanged text is shown as it stands.}}</p>
<div class="ad-changes">
{{#LINE}}{{#ADDED}}<p class="change-added"><span class="change-label">{{_ Added:}}</span> <ins>{{#HEADING}}<strong>{{/HEADING}}{{#MANDATORY}}{{_ Mandatory text:}} {{/MANDATORY}}{{TEXT}}{{#HEADING}}</strong>{{/HEADING}}</ins></p>{{/ADDED}}{{#REMOVED}}<p class="change-removed"><span class="change-label">{{_ Removed:}}</span> <del>{{#HEADING}}<strong>{{/HEADING}}{{#MANDATORY}}{{_ Mandatory text:}} {{/MANDATORY}}{{TEXT}}{{#HEADING}}</strong>{{/HEADING}}</del></p>{{/REMOVED}}{{#SAME}}<p>{{#HEADING}}<strong>{{/HEADING}}{{#MANDATORY}}{{_ Mandatory text:}} {{/MANDATORY}}{{TEXT}}{{#HEADING}}</strong>{{/HEADING}}</p>{{/SAME}}
{{/LINE}}</div>{{/LINES}}
