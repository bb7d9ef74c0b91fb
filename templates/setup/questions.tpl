{{%AUTOESCAPE context="HTML"}}<p><a class="back-link" href="/setup">{{_ Institution set-up}}</a></p>
<h1>{{_ Screening questions}}</h1>
{{#HAS_NOTICE}}<div class="alert alert-success" role="status"><div class="alert-body"><p class="alert-text">{{NOTICE}}</p></div></div>{{/HAS_NOTICE}}
{{>ERROR_SUMMARY}}
<table class="table">
<caption>{{_ Questions a recruitment case can put to its applicants}}</caption>
<thead><tr><th scope="col">{{_ Question}}</th><th scope="col">{{_ Kind of answer}}</th><th scope="col">{{_ Answers that disqualify}}</th></tr></thead>
<tbody>
{{#QUESTION}}<tr><th scope="row"><a href="/setup/questions/{{QUESTION_ID}}">{{TEXT}}</a></th><td>{{KIND}}</td><td>{{#HAS_KNOCKOUT}}{{KNOCKOUTS}}{{/HAS_KNOCKOUT}}{{#NO_KNOCKOUT}}{{_ None}}{{/NO_KNOCKOUT}}</td></tr>
{{/QUESTION}}{{#NO_QUESTIONS}}<tr><td colspan="3">{{_ The institution has no screening questions yet.}}</td></tr>{{/NO_QUESTIONS}}
</tbody>
</table>
<h2>{{_ New question}}</h2>
{{>FORM}}
