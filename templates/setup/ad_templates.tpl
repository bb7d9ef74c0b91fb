{{%AUTOESCAPE context="HTML"}}<p><a class="back-link" href="/setup">{{_ Institution set-up}}</a></p>
<h1>{{_ Ad templates}}</h1>
{{#HAS_NOTICE}}<div class="alert alert-success" role="status"><div class="alert-body"><p class="alert-text">{{NOTICE}}</p></div></div>{{/HAS_NOTICE}}
{{>ERROR_SUMMARY}}
<ul>
{{#TEMPLATE}}<li><a href="/setup/ad-templates/{{TEMPLATE_ID}}">{{NAME}}</a> ({{LANGUAGE}})</li>
{{/TEMPLATE}}</ul>
<h2>{{_ New ad template}}</h2>
{{>FORM}}
