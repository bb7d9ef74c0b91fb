{{%AUTOESCAPE context="HTML"}}<p><a class="back-link" href="/setup">{{_ Institution set-up}}</a></p>
<h1>{{_ Screening questions}}</h1>
{{#HAS_NOTICE}}<div class="alert alert-success" role="status"><div class="alert-body"><p class="alert-text">{{NOTICE}}</p></div></div>{{/HAS_NOTICE}}
{{>ERROR_SUMMARY}}
<ul>
{{#QUESTION}}<li><a href="/setup/questions/{{QUESTION_ID}}">{{TEXT}}</a> ({{KIND}})</li>
{{/QUESTION}}</ul>
<h2>{{_ New question}}</h2>
{{>FORM}}
