# The image docker-compose.yml builds: the locked dependencies, the code, gunicorn.
FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
WORKDIR /app
COPY requirements/base.lock requirements/base.lock
RUN pip install --no-cache-dir --require-hashes -r requirements/base.lock
COPY . .
RUN useradd --create-home ctdialogue && mkdir -p /app/media /app/staticfiles \
    && chown -R ctdialogue /app/media /app/staticfiles
USER ctdialogue
EXPOSE 8000
CMD ["gunicorn", "ctdialogue.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3", "--timeout", "120"]
