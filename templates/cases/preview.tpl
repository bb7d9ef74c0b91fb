{{%AUTOESCAPE context="HTML"}}<p><a class="back-link" href="/cases/{{ID}}">{{_ Back to the case}}</a></p>
<div class="alert alert-info" role="status"><div class="alert-body"><p class="alert-text">{{_ Preview: this is how applicants will see the ad.}}</p></div></div>
{{>AD}}
