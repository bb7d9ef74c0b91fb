{{%AUTOESCAPE context="HTML"}}<h1>{{_ Open positions}}</h1>
<p class="font-lead">{{_ Positions in Danish state institutions that you can apply for now.}}</p>
{{#NO_POSITIONS}}<p>{{_ There are no open positions right now.}}</p>{{/NO_POSITIONS}}
{{#HAS_POSITIONS}}
<table class="table table--zebra table--responsive-headers">
<caption>{{_ Open positions}} ({{COUNT}})</caption>
<thead><tr><th scope="col">{{_ Position}}</th><th scope="col">{{_ Institution}}</th><th scope="col">{{_ Place of work}}</th><th scope="col">{{_ Application deadline}}</th></tr></thead>
<tbody>
{{/HAS_POSITIONS}}{{#POSITION}}<tr><td data-title="{{_ Position}}"><a href="/positions/{{CASE_ID}}">{{POSITION_TITLE}}</a></td><td data-title="{{_ Institution}}">{{INSTITUTION}}</td><td data-title="{{_ Place of work}}">{{PLACE}}</td><td data-title="{{_ Application deadline}}"><time datetime="{{DEADLINE_ISO}}">{{DEADLINE}}</time></td></tr>
{{/POSITION}}{{#HAS_POSITIONS}}</tbody>
</table>
{{/HAS_POSITIONS}}
