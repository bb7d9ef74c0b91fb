{{%AUTOESCAPE context="HTML"}}<h1>{{TITLE}}</h1>
<p class="font-lead">{{EXPLANATION}}</p>
{{#HAS_DETAIL}}<p>{{DETAIL}}</p>{{/HAS_DETAIL}}
<p>{{_ Error reference:}} <code>{{REQUEST_ID}}</code> ({{STATUS}})</p>
<p><a href="/">{{_ Go to the front page}}</a></p>
