{{%AUTOESCAPE context="HTML"}}<p><a class="back-link" href="/setup/ad-templates">{{_ Ad templates}}</a></p>
<h1>{{NAME}}</h1>
{{>ERROR_SUMMARY}}
{{>FORM}}
