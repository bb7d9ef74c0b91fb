{{%AUTOESCAPE context="HTML"}}<h1>{{_ Open positions}}</h1>
<p class="font-lead">{{_ Positions in Danish state institutions that you can apply for now.}}</p>
{{#NO_POSITIONS}}<p>{{_ There are no open positions right now.}}</p>{{/NO_POSITIONS}}
{{#HAS_POSITIONS}}
<div class="table--responsive-scroll">
<table class="table table--zebra">
<caption>{{_ Open positions}} ({{COUNT}})</caption>
<thead><tr><th scope="col">{{_ Position}}</th><th scope="col">{{_ Institution}}</th><th scope="col">{{_ Place of work}}</th><th scope="col">{{_ Application deadline}}</th></tr></thead>
<tbody>
{{/HAS_POSITIONS}}{{#POSITION}}<tr><td><a href="/positions/{{CASE_ID}}">{{TITLE}}</a></td><td>{{INSTITUTION}}</td><td>{{PLACE}}</td><td><time datetime="{{DEADLINE_ISO}}">{{DEADLINE}}</time></td></tr>
{{/POSITION}}{{#HAS_POSITIONS}}</tbody>
</table>
</div>
{{/HAS_POSITIONS}}
