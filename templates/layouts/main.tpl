{{%AUTOESCAPE context="HTML"}}<!DOCTYPE html>
<html lang="{{LANG}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{TITLE}} · Rekrut</title>
<link rel="icon" href="/static/app/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/static/dkfds/css/dkfds.min.css">
<link rel="stylesheet" href="/static/app/rekrut.css">
{{>HEAD}}
</head>
<body>
<a class="skipnav" href="#main-content">{{_ Skip to content}}</a>
{{>HEADER}}
{{>BANNER}}
<div class="container page-container">
<main id="main-content" class="py-6" tabindex="-1">
{{>CONTENT}}
</main>
</div>
{{>FOOTER}}
<script src="/static/dkfds/js/dkfds.min.js"></script>
<script src="/static/app/rekrut.js"></script>
</body>
</html>
