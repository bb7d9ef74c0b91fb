{{%AUTOESCAPE context="HTML"}}<p><a class="back-link" href="/">{{_ All open positions}}</a></p>
<h1>{{POSITION_TITLE}}</h1>
<div class="alert alert-warning" role="status"><div class="alert-body">
<p class="alert-heading">{{_ The application deadline has passed}}</p>
<p class="alert-text">{{_ Applications for this position can no longer be sent.}}</p>
</div></div>
