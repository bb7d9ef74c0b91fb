{{%AUTOESCAPE context="HTML"}}<p><a class="back-link" href="{{BACK_HREF}}">{{BACK_TEXT}}</a></p>
<h1>{{HEADING}}</h1>
{{#HAS_NOTICE}}<div class="alert alert-success" role="status"><div class="alert-body"><p class="alert-text">{{NOTICE}}</p></div></div>{{/HAS_NOTICE}}
<p>{{INTRO}}</p>
<table class="table table--zebra">
<caption class="sr-only">{{HEADING}}</caption>
<thead><tr><th scope="col">{{_ Mail}}</th><th scope="col">{{_ To}}</th><th scope="col">{{_ Text in use}}</th><th scope="col">{{_ Sets the status}}</th></tr></thead>
<tbody>
{{#TEMPLATE}}<tr><th scope="row"><a href="{{HREF}}">{{NAME}}</a></th><td>{{AUDIENCE}}</td><td>{{#CHANGED}}<span class="badge">{{ORIGIN}}</span>{{/CHANGED}}{{#UNCHANGED}}{{ORIGIN}}{{/UNCHANGED}}</td><td>{{SETS_STATUS}}</td></tr>
{{/TEMPLATE}}</tbody>
</table>
