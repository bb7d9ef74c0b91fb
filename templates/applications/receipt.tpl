{{%AUTOESCAPE context="HTML"}}<div class="row"><div class="col-12 col-lg-8">
<div class="alert alert-success" role="status"><div class="alert-body">
<p class="alert-heading">{{_ Your application has been sent}}</p>
<p class="alert-text">{{_ Thank you for your application for}} {{POSITION_TITLE}}.</p>
</div></div>
<h1>{{_ Receipt}}</h1>
<dl>
<dt>{{_ Reference number}}</dt><dd>{{REFERENCE}}</dd>
<dt>{{_ Position}}</dt><dd>{{POSITION_TITLE}}</dd>
<dt>{{_ Receipt sent to}}</dt><dd>{{EMAIL}}</dd>
</dl>
<p>{{_ We have sent a receipt to your e-mail address with a personal link. With it you can see your application and its status, change it until the deadline, withdraw it and download what we hold about you.}}</p>
<p>{{_ No mail? Look in your spam folder, or}} <a href="/application">{{_ ask for a new link}}</a>.</p>
<p><a href="/">{{_ See other open positions}}</a></p>
</div></div>
