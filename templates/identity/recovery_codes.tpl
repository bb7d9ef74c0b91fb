{{%AUTOESCAPE context="HTML"}}<h1>{{_ Your recovery codes}}</h1>
<div class="alert alert-warning" role="status"><div class="alert-body"><p class="alert-text">{{_ Two-step login is on. Keep these codes somewhere safe: each works once if you lose your device. They are shown only now.}}</p></div></div>
<ul class="recovery-codes nobullet-list">
{{#CODE}}<li>{{CODE}}</li>
{{/CODE}}</ul>
<p><a class="button button-primary" href="/home">{{_ Continue}}</a></p>
