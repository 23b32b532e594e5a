"""Who is this? The actor knowledge base (data files) and the in-context resolver."""

from dyadwatch.actors.kb import Actor, KnowledgeBase, load_knowledge_base

__all__ = ["Actor", "KnowledgeBase", "load_knowledge_base"]
