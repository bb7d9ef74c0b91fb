{{%AUTOESCAPE context="HTML"}}<p><a class="back-link" href="/cases/{{CASE_ID}}#questions">{{_ Back to the case}}</a></p>
<h1>{{TEXT}}</h1>
<p>{{_ The change applies to this case only; the institution's template stays as it is.}}</p>
{{>ERROR_SUMMARY}}
{{>FORM}}
