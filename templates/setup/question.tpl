{{%AUTOESCAPE context="HTML"}}<p><a class="back-link" href="/setup/questions">{{_ Screening questions}}</a></p>
<h1>{{TEXT}}</h1>
{{>ERROR_SUMMARY}}
{{>FORM}}
