{{%AUTOESCAPE context="HTML"}}<p><a class="back-link" href="/setup">{{_ Institution set-up}}</a></p>
<h1>{{_ Ad templates}}</h1>
{{#HAS_NOTICE}}<div class="alert alert-success" role="status"><div class="alert-body"><p class="alert-text">{{NOTICE}}</p></div></div>{{/HAS_NOTICE}}
{{>ERROR_SUMMARY}}
<table class="table">
<caption>{{_ Templates a new recruitment case can start from}}</caption>
<thead><tr><th scope="col">{{_ Name of the template}}</th><th scope="col">{{_ Title of the position}}</th><th scope="col">{{_ Language}}</th></tr></thead>
<tbody>
{{#TEMPLATE}}<tr><th scope="row"><a href="/setup/ad-templates/{{TEMPLATE_ID}}">{{NAME}}</a></th><td>{{TITLE}}</td><td>{{LANGUAGE}}</td></tr>
{{/TEMPLATE}}{{#NO_TEMPLATES}}<tr><td colspan="3">{{_ The institution has no ad templates yet.}}</td></tr>{{/NO_TEMPLATES}}
</tbody>
</table>
<h2>{{_ New ad template}}</h2>
{{>FORM}}
