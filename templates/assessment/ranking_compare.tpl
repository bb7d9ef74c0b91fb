{{%AUTOESCAPE context="HTML"}}{{>HEADING}}
<h2>{{_ Version}} {{FROM}} {{_ compared with version}} {{TO}}</h2>
<p><a href="/cases/{{CASE_ID}}/rankings/{{RANKING_ID}}/versions">{{_ All versions}}</a></p>
<ul class="nobullet-list">
<li>{{_ Version}} {{FROM}}: {{FROM_BY}}, {{FROM_AT}}</li>
<li>{{_ Version}} {{TO}}: {{TO_BY}}, {{TO_AT}}</li>
</ul>
{{#NO_ROWS}}<p>{{_ Neither version has applicants you can see.}}</p>{{/NO_ROWS}}
<table class="table table--zebra">
<caption class="sr-only">{{_ Positions in the two versions}}</caption>
<thead><tr><th scope="col">{{_ Applicant}}</th><th scope="col">{{_ Position in version}} {{FROM}}</th><th scope="col">{{_ Position in version}} {{TO}}</th><th scope="col">{{_ Change}}</th></tr></thead>
<tbody>
{{#ROW}}<tr data-change="{{CHANGE_KIND}}"><th scope="row">{{LABEL}}</th><td>{{FROM_POSITION}}</td><td>{{TO_POSITION}}</td><td>{{CHANGE}}</td></tr>
{{/ROW}}</tbody>
</table>
