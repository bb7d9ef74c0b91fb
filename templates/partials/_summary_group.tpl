{{%AUTOESCAPE context="HTML"}}<div class="summary-group">
<div class="summary-group-heading"><h3 id="{{GROUP_ID}}">{{HEADING}}</h3>{{#CAN_CHANGE}}<a class="function-link" href="{{CHANGE_HREF}}">{{_ Change}}<span class="sr-only"> {{HEADING}}</span></a>{{/CAN_CHANGE}}</div>
<table class="table structured-list summary-list">
<caption class="sr-only">{{HEADING}}</caption>
<tbody>
{{#ROW}}<tr><th scope="row">{{LABEL}}</th><td>{{#GIVEN}}{{VALUE}}{{/GIVEN}}{{#NOT_GIVEN}}<span class="not-given">{{_ Not given}}</span>{{/NOT_GIVEN}}</td></tr>
{{/ROW}}</tbody>
</table>
</div>
