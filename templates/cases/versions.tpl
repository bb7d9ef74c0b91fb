{{%AUTOESCAPE context="HTML"}}<p><a class="back-link" href="/cases/{{ID}}">{{_ Back to the case}}</a></p>
<h1>{{_ Versions of the ad}}</h1>
{{#NO_VERSIONS}}<p>{{_ The ad has not been saved yet.}}</p>{{/NO_VERSIONS}}
<ul>
{{#VERSION}}<li>{{_ Version}} {{VERSION}} · {{AT}} · {{BY}} · <a href="/cases/{{ID}}/ad/versions/{{VERSION_ID}}">{{_ See changes}}</a></li>
{{/VERSION}}</ul>
