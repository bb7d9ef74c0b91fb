{{%AUTOESCAPE context="HTML"}}<p><a class="back-link" href="/cases/{{CASE_ID}}/rankings">{{_ All ranking lists}}</a></p>
<h1>{{NAME}}</h1>
<p>{{ROUND}} · {{CASE_TITLE}}</p>
